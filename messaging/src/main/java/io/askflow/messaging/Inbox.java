package io.askflow.messaging;

import io.askflow.events.AskflowEvent;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a listener takes in events: once per event id, with the record of it ({@link ProcessedEvents}) and the state
 * change in one transaction (which the outbox joins), so a redelivered or duplicated event changes nothing the second
 * time. Joins the caller's transaction if there is one, else starts its own.
 */
public class Inbox {

    private final ProcessedEvents processedEvents;
    private final TransactionTemplate transactions;

    Inbox(ProcessedEvents processedEvents, PlatformTransactionManager transactionManager) {
        this.processedEvents = processedEvents;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Runs {@code work} if the event was not processed before; {@code false} if it was, and nothing ran. */
    public boolean receive(AskflowEvent event, String topic, Runnable work) {
        Boolean ran = transactions.execute(status -> {
            if (!processedEvents.firstTime(event.eventId(), topic)) {
                return false;
            }
            work.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /**
     * The batch form, for batch listeners: one insert records the whole batch, and {@code work} gets the events not
     * processed before, in their order, each once even if the batch holds it twice.
     */
    public <E extends AskflowEvent> void receiveAll(List<E> events, String topic, Consumer<List<E>> work) {
        transactions.executeWithoutResult(status -> {
            Set<UUID> firstTime = processedEvents.firstTime(
                    events.stream().map(AskflowEvent::eventId).toList(), topic);
            List<E> fresh = events.stream().filter(event -> firstTime.remove(event.eventId())).toList();
            if (!fresh.isEmpty()) {
                work.accept(fresh);
            }
        });
    }
}
