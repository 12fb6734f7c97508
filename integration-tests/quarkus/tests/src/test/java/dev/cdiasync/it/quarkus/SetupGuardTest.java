package dev.cdiasync.it.quarkus;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncFuture;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Guards the layout of this module: the library must reach the application as a jar from a
 * repository, as in a user's build, and not as a reloadable workspace module. Loaded that way, a
 * class of the library lives in Quarkus's base runtime class loader, which cannot see the classes
 * generated for the application (quarkusio/quarkus#37337); loaded as a workspace module it would
 * share the application's class loader and hide that trap.
 */
@QuarkusTest
class SetupGuardTest {

    @Test
    void theLibraryIsAJarInTheBaseRuntimeClassLoader() throws Exception {
        for (Class<?> type : new Class<?>[] {AsyncFuture.class,
                Class.forName("dev.cdiasync.impl.AsyncExtension", false, getClass().getClassLoader())}) {
            ClassLoader loader = type.getClassLoader();
            assertTrue(loader.getName().startsWith("Quarkus Base Runtime ClassLoader"),
                    type.getName() + " is loaded by " + loader.getName());
        }
    }

    @Test
    void theJarIsTheOneThisBuildPackaged() {
        URL impl = getClass().getClassLoader().getResource("dev/cdiasync/impl/AsyncExtension.class");
        assertNotNull(impl);
        assertTrue(impl.toString().contains("/target/local-repo/dev/cdiasync/cdi-async-impl/"),
                "the library comes from this module's repository, where the build installed the fresh jar: " + impl);
    }
}
