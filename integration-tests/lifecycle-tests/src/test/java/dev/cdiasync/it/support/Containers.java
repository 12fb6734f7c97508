package dev.cdiasync.it.support;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

/** Boots Weld SE containers with the extension and library settings, and inspects the default executor's threads. */
public final class Containers {

    /** The prefix of the default executor's thread names. */
    public static final String ASYNC_THREAD_PREFIX = "cdi-async-";

    private Containers() {
    }

    /**
     * Boots a container with discovery disabled, the given bean classes and the extension, with the
     * given library system properties set while it boots (they are read once, at deployment
     * validation) and cleared right after, whatever happens.
     */
    public static SeContainer boot(Map<String, String> settings, Class<?>... beanClasses) {
        Map<String, String> previous = new LinkedHashMap<>();
        settings.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        try {
            return SeContainerInitializer.newInstance()
                    .disableDiscovery()
                    .addBeanClasses(beanClasses)
                    .initialize();
        } finally {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    /** The live threads of the default executor, by name, across every container of this JVM. */
    public static List<Thread> liveAsyncThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(ASYNC_THREAD_PREFIX) && thread.isAlive())
                .collect(Collectors.toList());
    }

    /**
     * Those of the given threads that are still alive. Virtual threads are not listed by {@link #liveAsyncThreads()}
     * (Java lists only platform threads), so the tests also keep the threads their bodies ran on and check these.
     */
    public static List<Thread> stillAlive(Collection<Thread> threads) {
        return threads.stream().filter(Thread::isAlive).collect(Collectors.toList());
    }

    /** A readable list of threads for assertion messages. */
    public static String describe(List<Thread> threads) {
        return threads.stream().map(t -> t.getName() + " (" + t.getState() + ")").collect(Collectors.joining(", "));
    }
}
