package dev.cdiasync.servers.scenarios;

import java.io.File;
import java.net.URISyntaxException;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.impl.AsyncExtension;

/**
 * The applications the scenarios deploy, built from the test classpath: the library's two jars in
 * WEB-INF/lib, the classes of one package, and for some a microprofile-config.properties.
 */
public final class Wars {

    /** The main test application (GlassFish deploys it from here; WildFly's is the module's own WAR). */
    public static final String APP = "cdi-async-it";
    /** A @Dependent producer of a named executor returning a @Resource ManagedExecutorService. */
    public static final String PRODUCER = "dependent-producer";
    /** Calls in flight at undeploy. */
    public static final String DRAIN = "drain";
    /** dev.cdiasync.shutdown-grace-ms=0 in its MicroProfile Config. */
    public static final String SETTINGS_SHORT = "settings-short";
    /** dev.cdiasync.shutdown-grace-ms=600000 in its MicroProfile Config. */
    public static final String SETTINGS_LONG = "settings-long";
    /** dev.cdiasync.shutdown-grace-ms=soon in its MicroProfile Config. */
    public static final String SETTINGS_MALFORMED = "settings-malformed";

    /** @OnDone(task = "no-such-task"). */
    public static final String BAD_UNKNOWN_TASK = "bad-unknown-task";
    /** An @Async method returning String. */
    public static final String BAD_RETURNS_STRING = "bad-returns-string";
    /** @Async(executor = "reporting"), which no bean provides. */
    public static final String BAD_UNKNOWN_EXECUTOR = "bad-unknown-executor";
    /** The producer of executor "mes" returns null. */
    public static final String BAD_NULL_PRODUCER = "bad-null-producer";

    public static final String EXTRA = "dev.cdiasync.servers.extra";

    private Wars() {
    }

    public static WebArchive app() {
        return library(APP).addPackages(true, "dev.cdiasync.servers.app");
    }

    /** The application of that name, as the constants above describe it. */
    public static WebArchive build(String name) {
        return switch (name) {
            case APP -> app();
            case PRODUCER -> library(name).addPackage(EXTRA + ".producer");
            case DRAIN -> library(name).addPackage(EXTRA + ".drain");
            case SETTINGS_SHORT -> settings(name, "0");
            case SETTINGS_LONG -> settings(name, "600000");
            case SETTINGS_MALFORMED -> settings(name, "soon");
            case BAD_UNKNOWN_TASK -> library(name).addPackage(EXTRA + ".bad.unknowntask");
            case BAD_RETURNS_STRING -> library(name).addPackage(EXTRA + ".bad.returnsstring");
            case BAD_UNKNOWN_EXECUTOR -> library(name).addPackage(EXTRA + ".bad.unknownexecutor");
            case BAD_NULL_PRODUCER -> library(name).addPackage(EXTRA + ".bad.nullproducer");
            default -> throw new IllegalArgumentException("no application is named " + name);
        };
    }

    private static WebArchive settings(String name, String shutdownGraceMillis) {
        return library(name).addPackage(EXTRA + ".settings").addAsResource(
                new StringAsset("dev.cdiasync.shutdown-grace-ms=" + shutdownGraceMillis + "\n"),
                "META-INF/microprofile-config.properties");
    }

    /** A WAR holding cdi-async-api and cdi-async-impl, as an application that uses the library does. */
    public static WebArchive library(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibraries(jar(AsyncFuture.class, "cdi-async-api.jar"), jar(AsyncExtension.class, "cdi-async-impl.jar"));
    }

    /* The jar a class came from, or its classes directory when the reactor hands out one. */
    private static JavaArchive jar(Class<?> type, String name) {
        File location;
        try {
            location = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (location.isDirectory()) {
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(location).as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, location);
    }
}
