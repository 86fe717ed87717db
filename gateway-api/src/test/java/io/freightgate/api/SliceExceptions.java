package io.freightgate.api;

import java.lang.reflect.Constructor;
import java.util.Arrays;

/** Facade exceptions whose constructors their module keeps to itself, made for a slice's mock to throw. */
final class SliceExceptions {

    private SliceExceptions() {}

    static <T extends RuntimeException> T create(Class<T> type, Object... arguments) {
        try {
            Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
                    .filter(candidate -> candidate.getParameterCount() == arguments.length)
                    .findFirst()
                    .orElseThrow();
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance(arguments));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
