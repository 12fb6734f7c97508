package dev.cdiasync.servers.app;

import java.io.PrintWriter;
import java.io.StringWriter;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a scenario that threw with status 500 and the stack trace, so the test can show it. */
@Provider
public class Failures implements ExceptionMapper<Exception> {

    @Override
    public Response toResponse(Exception failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return Response.serverError().type(MediaType.TEXT_PLAIN_TYPE).entity(trace.toString()).build();
    }
}
