package org.jvswitch.vlog;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The filter on each destination's appender: lets an event through if its module's level on
 * that destination shows it. Loggers that are not vlog modules (Netty, Jackson, ...) are judged
 * by {@link Vlog#externalLevel}. Runs on the logging thread; lock-free.
 */
final class VlogFilter extends Filter<ILoggingEvent> {

    private final VlogDestination destination;

    VlogFilter(VlogDestination destination) {
        this.destination = destination;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        VlogModule module = Vlog.lookup(event.getLoggerName());
        VlogLevel threshold = module != null ? module.level(destination)
                : Vlog.externalLevel(destination);
        return threshold.shows(VlogLevel.of(event)) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
