package dev.cdiasync.example;

/** Prints the example's lines, each tagged with the name of the thread that printed it. */
final class Console {

    private Console() {
    }

    /** Prints the line, then the current thread's name in brackets. */
    static void say(String line) {
        System.out.printf("%-62s [%s]%n", line, Thread.currentThread().getName());
    }

    /** Prints a blank line and the title of a scenario. */
    static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
