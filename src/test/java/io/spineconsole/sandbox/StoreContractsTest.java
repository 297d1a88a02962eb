package io.spineconsole.sandbox;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every two-store suite runs on both stores: each abstract {@link StoreContract} has one
 * {@code …H2Test} and one {@code …PostgresTest} subclass, and they name the store their names say.
 */
class StoreContractsTest {

    @Test
    void everyContractRunsOnEveryStore() throws Exception {
        TreeMap<String, Set<TestStore>> storesByContract = new TreeMap<>();
        for (Class<?> c : testClasses()) {
            if (!StoreContract.class.isAssignableFrom(c) || c == StoreContract.class) {
                continue;
            }
            if (Modifier.isAbstract(c.getModifiers())) {
                assertTrue(c.getSimpleName().endsWith("Contract"), c.getName() + " is a contract: name it …Contract");
                storesByContract.putIfAbsent(c.getName(), EnumSet.noneOf(TestStore.class));
                continue;
            }
            TestStore store = storeOf(c);
            String suffix = store == TestStore.H2 ? "H2Test" : "PostgresTest";
            assertTrue(c.getSimpleName().endsWith(suffix), c.getName() + " runs on " + store + ": name it …" + suffix);
            String contract = c.getSuperclass().getName();
            assertTrue(storesByContract.computeIfAbsent(contract, k -> EnumSet.noneOf(TestStore.class)).add(store),
                    contract + " has two suites on " + store);
        }
        assertFalse(storesByContract.isEmpty(), "found the two-store suites");
        storesByContract.forEach((contract, stores) ->
                assertEquals(EnumSet.allOf(TestStore.class), stores, contract + " runs on every store"));
    }

    /** Every class compiled from the test tree, loaded without running its initialisers. */
    private static List<Class<?>> testClasses() throws Exception {
        Path root = Path.of(StoreContract.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        StoreContractsTest.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static TestStore storeOf(Class<?> suite) throws Exception {
        Constructor<?> made = suite.getDeclaredConstructor();
        made.setAccessible(true);
        return ((StoreContract) made.newInstance()).store;
    }
}
