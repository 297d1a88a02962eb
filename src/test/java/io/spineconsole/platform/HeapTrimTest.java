package io.spineconsole.platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class HeapTrimTest {
    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    /** The ratios are changed in a running JVM, in the order it accepts, from its defaults (40 / 70). */
    @Test
    void aRunningJvmTakesTheLowerFreeHeapRatios() {
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        try {
            HeapTrim.lowerFreeRatios(vm);
            assertEquals(Integer.toString(HeapTrim.MIN_FREE_PERCENT), vm.getVMOption("MinHeapFreeRatio").getValue());
            assertEquals(Integer.toString(HeapTrim.MAX_FREE_PERCENT), vm.getVMOption("MaxHeapFreeRatio").getValue());
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", max);
            vm.setVMOption("MinHeapFreeRatio", min);
        }
    }

    /** Without -XX:+ExplicitGCInvokesConcurrent a request would stop the application for a full collection. */
    @Test
    void withoutConcurrentExplicitCollectionsNothingIsChangedOrAskedFor() {
        assertFalse(HeapTrim.isOn(vm, "ExplicitGCInvokesConcurrent"), "the tests' JVM runs without it");
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();

        assertFalse(HeapTrim.prepare());
        assertEquals(max, vm.getVMOption("MaxHeapFreeRatio").getValue());
        assertFalse(HeapTrim.isOn(vm, "NoSuchFlagAnywhere"));
    }
}
