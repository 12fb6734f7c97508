package dev.cdiasync.impl;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanContainer;

/**
 * Activates the request context of a call where the thread has none: one for the body and the
 * callbacks dispatched right after it on the worker, one per dispatch elsewhere; never one per
 * callback, as Weld's asynchronous observer notification does for the observers of one event.
 *
 * <p>A {@link RequestContextController} remembers whether it activated the context, so one
 * instance must not serve two threads at once; each activation takes a new one. (Caching one per
 * thread would pin the container in the thread-locals of threads that outlive it.)
 */
final class RequestContexts {

    private static final Logger LOG = Logger.getLogger("dev.cdiasync");

    private final BeanContainer container;
    private final Bean<?> controllerBean;

    RequestContexts(BeanContainer container) {
        this.container = container;
        this.controllerBean = container.resolve(container.getBeans(RequestContextController.class));
    }

    /**
     * Activates a request context if the thread has none. Never throws: a container that cannot
     * activate one (it is going away) is logged, and the call goes on without.
     *
     * @return the controller to hand to {@link #end} afterwards, or null if a context was already
     *         active (and so is not ours to end) or none could be activated
     */
    RequestContextController begin() {
        try {
            RequestContextController controller = (RequestContextController) container.getReference(controllerBean,
                    RequestContextController.class, container.createCreationalContext(controllerBean));
            return controller.activate() ? controller : null;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Activating the request context of an asynchronous call failed; it runs without", e);
            return null;
        }
    }

    /** Ends the context {@link #begin} activated; a failure to end it is logged, never thrown. */
    void end(RequestContextController controller) {
        if (controller == null) {
            return;
        }
        try {
            controller.deactivate();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ending the request context of an asynchronous call failed", e);
        }
    }
}
