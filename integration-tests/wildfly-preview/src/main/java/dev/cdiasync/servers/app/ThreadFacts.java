package dev.cdiasync.servers.app;

import java.util.List;

import javax.naming.InitialContext;

import jakarta.enterprise.concurrent.ManagedExecutorService;

/** What a body or callback can tell about the thread it runs on. */
public final class ThreadFacts {

    private ThreadFacts() {
    }

    /** The thread's name, whether {@code java:comp} works, and whose class loader is the context one. */
    public static List<String> of(String who) {
        return List.of(
                who + ".thread=" + Thread.currentThread().getName(),
                who + ".jndi=" + lookup("java:comp/DefaultManagedExecutorService"),
                who + ".tccl=" + contextClassLoader());
    }

    static String lookup(String name) {
        try {
            Object found = new InitialContext().lookup(name);
            return found instanceof ManagedExecutorService ? "ManagedExecutorService" : "other " + found;
        } catch (Exception | LinkageError failure) {
            return "failed " + failure;
        }
    }

    static String contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader == ThreadFacts.class.getClassLoader() ? "application" : "other " + loader;
    }
}
