package io.askflow.notification.mail;

import io.askflow.platform.QuestionLog;
import io.askflow.notification.Deliveries;
import io.askflow.notification.Delivery;
import io.askflow.notification.DeliveryStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores rendered mails for the senders: a mail whose request already has one for its recipient is left out, and
 * the senders look for the new ones as soon as the transaction commits, not at their next poll.
 */
@Component
public class StoreMails {

    private static final Logger log = LoggerFactory.getLogger(StoreMails.class);

    private final Deliveries deliveries;
    private final DeliveryWorker worker;

    StoreMails(Deliveries deliveries, DeliveryWorker worker) {
        this.deliveries = deliveries;
        this.worker = worker;
    }

    /** Stores these mails in one batch of statements; returns how many were new. */
    public int store(List<Delivery> mails) {
        List<Delivery> added = deliveries.addAll(mails);
        logOutcome(mails, added);
        if (!added.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wakeUp();
                }
            });
        }
        return added.size();
    }

    private static void logOutcome(List<Delivery> mails, List<Delivery> added) {
        Set<UUID> addedIds = new HashSet<>(added.stream().map(Delivery::id).toList());
        for (Delivery mail : mails) {
            try (var logged = QuestionLog.about(mail.questionId())) {
                if (!addedIds.contains(mail.id())) {
                    log.info("Notification {} was requested before: nothing new to send", mail.notificationId());
                } else if (mail.status() == DeliveryStatus.SKIPPED_UNSUBSCRIBED) {
                    log.info("The patient unsubscribed from optional mail: {} mail of notification {} is recorded, "
                            + "not sent", mail.kind(), mail.notificationId());
                } else {
                    log.info("Stored {} mail of notification {} for {}", mail.kind(), mail.notificationId(),
                            Delivery.PATIENT.equals(mail.recipientKey()) ? "the patient"
                                    : "doctor " + mail.recipientKey());
                }
            }
        }
    }
}
