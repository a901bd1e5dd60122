package io.askflow.devstack.stack;

import java.util.concurrent.CountDownLatch;

/** A JVM that SIGTERM cannot end: its shutdown hook never returns, so only SIGKILL stops it. */
public final class IgnoresSigterm {

    private IgnoresSigterm() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("ready");
        System.out.flush();
        never.await();
    }
}
