package dev.cdiasync.hazelcast;

import java.util.UUID;

import com.hazelcast.cluster.Member;

/**
 * The failure of an {@code @Async} call whose member left the cluster (shut down, crashed, or was
 * cut off) before the outcome of its body came back. Whether the body ran, partly or to the end, is
 * unknown: the call is not retried elsewhere, so a body never runs twice for one call.
 */
public class TaskLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String taskName;
    private final String method;
    private final UUID memberUuid;
    private final String memberAddress;

    /**
     * @param taskName the task name of the call
     * @param method   the method, as messages write it
     * @param member   the member that left, or null if Hazelcast did not say
     * @param cause    what Hazelcast reported
     */
    public TaskLostException(String taskName, String method, Member member, Throwable cause) {
        this(taskName, method, member, "left the cluster before its outcome came back. Whether the body ran is"
                + " unknown", cause);
    }

    /* what: what the member did, after "member X (uuid Y) ". */
    TaskLostException(String taskName, String method, Member member, String what, Throwable cause) {
        super("@Async task '" + taskName + "' (" + method + ") was lost: "
                + (member == null ? "the member it was sent to" : "member " + describe(member)) + " " + what
                + "; the call is not retried on another member", cause);
        this.taskName = taskName;
        this.method = method;
        this.memberUuid = member == null ? null : member.getUuid();
        this.memberAddress = member == null ? null : String.valueOf(member.getAddress());
    }

    /** @return the task name of the call */
    public String taskName() {
        return taskName;
    }

    /** @return the method of the call, as messages write it */
    public String method() {
        return method;
    }

    /** @return the UUID of the member that left, or null if unknown */
    public UUID memberUuid() {
        return memberUuid;
    }

    /** @return the address of the member that left ({@code [127.0.0.1]:5702}), or null if unknown */
    public String memberAddress() {
        return memberAddress;
    }

    static String describe(Member member) {
        return member.getAddress() + " (uuid " + member.getUuid() + ")";
    }
}
