package io.spineconsole.testing;

import java.lang.reflect.Proxy;

/** The answer of a fake to a call its test did not fake: the test fails at once, naming the call. */
final class NotFaked {
    private NotFaked() {
    }

    /** An API port whose every call throws, naming the method (overriding it in the fake is the fix). */
    static <T> T port(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "not faked: " + type.getSimpleName();
                };
            }
            throw new UnsupportedOperationException("not faked: " + type.getSimpleName() + "." + method.getName()
                    + " (override it in the test's fake, or make the fake over a real API)");
        }));
    }
}
