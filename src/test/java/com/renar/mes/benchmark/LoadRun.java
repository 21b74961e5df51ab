package com.renar.mes.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one closed-loop load: {@code clients} threads each doing one operation after another for a warm-up and
 * then a measured period; every measured operation's latency is kept (exact percentiles, no histogram rounding).
 */
final class LoadRun {

    /** One client's work: does one operation, answers how many units (pieces, scans) it carried. */
    interface Client {
        long operate(int client, long sequence) throws Exception;
    }

    record Result(
            String name, int clients, long operations, long units, double seconds, long[] latenciesNanos, long errors) {

        double operationsPerSecond() {
            return operations / seconds;
        }

        double unitsPerSecond() {
            return units / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1_000_000.0;
        }

        String row() {
            return String.format(
                    "| %-44s | %3d | %9.0f | %11.0f | %7.2f | %7.2f | %d |",
                    name,
                    clients,
                    operationsPerSecond(),
                    unitsPerSecond(),
                    percentileMillis(50),
                    percentileMillis(99),
                    errors);
        }
    }

    static String header() {
        return "| run | clients | ops/s | units/s | p50 ms | p99 ms | errors |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |";
    }

    static Result run(String name, int clients, double warmupSeconds, double seconds, Client client)
            throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong units = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[4_000_000 / clients + 1024];
            perClient.add(latencies);
            int id = c;
            Thread thread = new Thread(
                    () -> {
                        long sequence = 0;
                        try {
                            while (!stop.get()) {
                                long start = System.nanoTime();
                                long carried;
                                try {
                                    carried = client.operate(id, sequence++);
                                } catch (Exception e) {
                                    if (errors.incrementAndGet() == 1) {
                                        System.out.println("benchmark: first error in '" + name + "': " + e);
                                    }
                                    continue;
                                }
                                long took = System.nanoTime() - start;
                                if (measuring.get() && counts[id] < latencies.length) {
                                    latencies[counts[id]++] = took;
                                    units.addAndGet(carried);
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    },
                    "load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        long begin = System.nanoTime();
        measuring.set(true);
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        long end = System.nanoTime();
        stop.set(true);
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(name, clients, total, units.get(), (end - begin) / 1e9, all, errors.get());
    }

    private LoadRun() {}
}
