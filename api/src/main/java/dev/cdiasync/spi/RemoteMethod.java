package dev.cdiasync.spi;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * An {@code @Async} method routed to a {@link RemoteExecutor}, for its deployment checks.
 *
 * @param method      the method
 * @param beanClass   the class of the bean it is called on
 * @param resultType  the result type: {@code T} of the future the method declares, {@code Void}
 *                    for {@code void}
 * @param executor    the executor's name
 */
public record RemoteMethod(Method method, Class<?> beanClass, Type resultType, String executor) {
}
