package dev.cdiasync.testing;

import org.jboss.weld.junit5.WeldInitiator;

/**
 * The Weld SE test container of a weld-junit5 test: the given bean classes and discovery off. The
 * library's extension is not named: Weld loads it from the impl jar as a service, as for any user.
 */
public final class AsyncWeld {

    private AsyncWeld() {
    }

    /** For a {@code @WeldSetup} field: a container of these bean classes. */
    public static WeldInitiator of(Class<?>... beanClasses) {
        return WeldInitiator.from(WeldInitiator.createWeld()
                .addBeanClasses(beanClasses)).build();
    }
}
