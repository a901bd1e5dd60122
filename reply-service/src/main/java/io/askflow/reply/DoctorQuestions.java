package io.askflow.reply;

import io.askflow.reply.doctor.Doctor;
import io.askflow.reply.doctor.DoctorAccount;
import io.askflow.reply.doctor.Doctors;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What a logged-in doctor may see: questions of their own specialties only. */
@Service
public class DoctorQuestions {

    private final Doctors doctors;
    private final QueueItems items;

    DoctorQuestions(Doctors doctors, QueueItems items) {
        this.doctors = doctors;
        this.items = items;
    }

    /** The caller as they are in the database now; see {@link Doctors#current}. */
    public Doctor doctor(DoctorAccount account) {
        return doctors.current(account);
    }

    /** The question, if the doctor may see it: 404 if unknown, 403 if it is in another specialty's queue. */
    public QueueItem visibleTo(Doctor doctor, UUID questionId) {
        QueueItem item = items.find(questionId).filter(QueueItem::visible)
                .orElseThrow(() -> new QuestionNotFoundException(questionId));
        if (!doctor.covers(item.specialty()) && !doctor.id().equals(item.claimedBy())) {
            throw new NotYourSpecialtyException(item.specialty());
        }
        return item;
    }
}
