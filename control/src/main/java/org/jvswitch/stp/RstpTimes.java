package org.jvswitch.stp;

/** The timer parameters a BPDU carries (17.19.22 portTimes and friends), in whole seconds. */
record RstpTimes(int messageAge, int maxAge, int forwardDelay, int helloTime) {

    RstpTimes withMessageAge(int age) {
        return new RstpTimes(age, maxAge, forwardDelay, helloTime);
    }

    RstpTimes withHelloTime(int hello) {
        return new RstpTimes(messageAge, maxAge, forwardDelay, hello);
    }

    /** Seconds from a BPDU's 1/256 s value, rounded to the nearest second. */
    static int fromWire(int value) {
        return (value + 128) >> 8;
    }

    static int toWire(int seconds) {
        return seconds << 8;
    }
}
