package io.askflow.devstack.smtp;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The caught mail, read from GreenMail's mailboxes on every call: GreenMail is the only store. */
final class MailStore {

    private static final Comparator<CaughtMessage> NEWEST_FIRST =
            Comparator.comparing(CaughtMessage::created).reversed().thenComparing(CaughtMessage::id);

    private final GreenMail greenMail;

    MailStore(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Every delivery once (GreenMail keeps a copy per recipient), newest first. */
    List<CaughtMessage> all() {
        Map<String, CaughtMessage> byId = new LinkedHashMap<>();
        for (StoredMessage stored : greenMail.getManagers().getImapHostManager().getAllMessages()) {
            CaughtMessage message = CaughtMessage.of(stored.getMimeMessage(), stored.getReceivedDate().toInstant());
            byId.merge(message.id(), message, (a, b) -> a.created().isBefore(b.created()) ? a : b);
        }
        return byId.values().stream().sorted(NEWEST_FIRST).toList();
    }

    /** By ID, or Mailpit's {@code latest}. */
    Optional<CaughtMessage> find(String id) {
        List<CaughtMessage> all = all();
        if ("latest".equals(id)) {
            return all.stream().findFirst();
        }
        return all.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    void deleteAll() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Could not delete the caught mail", e);
        }
    }
}
