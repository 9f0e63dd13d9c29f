package org.jvswitch.unixctl;

/** A {@link UnixctlConnection} that remembers its answer, for dispatch tests. */
final class RecordingConnection implements UnixctlConnection {

    String reply;
    String error;
    int answers;

    @Override
    public void reply(String body) {
        reply = body;
        answers++;
    }

    @Override
    public void reply(String body, Runnable afterSent) {
        reply(body);
        afterSent.run();
    }

    @Override
    public void error(String message) {
        error = message;
        answers++;
    }

    @Override
    public boolean answered() {
        return answers > 0;
    }
}
