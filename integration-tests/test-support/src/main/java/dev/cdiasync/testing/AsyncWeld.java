package dev.cdiasync.testing;

import org.jboss.weld.junit5.WeldInitiator;

import dev.cdiasync.impl.AsyncExtension;

/** The Weld SE test container of a weld-junit5 test: the given bean classes, discovery off, and the extension. */
public final class AsyncWeld {

    private AsyncWeld() {
    }

    /** For a {@code @WeldSetup} field: a container of these bean classes with {@link AsyncExtension}. */
    public static WeldInitiator of(Class<?>... beanClasses) {
        return WeldInitiator.from(WeldInitiator.createWeld()
                .addBeanClasses(beanClasses)
                .addExtension(new AsyncExtension())).build();
    }
}
