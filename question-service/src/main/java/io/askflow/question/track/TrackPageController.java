package io.askflow.question.track;

import io.askflow.question.QuestionRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The patient's tracking page; {@code justAsked} (a flash attribute) greets a patient who just asked. */
@Controller
class TrackPageController {

    private final QuestionRepository questions;
    private final String publicUrl;

    TrackPageController(QuestionRepository questions,
                        @Value("${askflow.public-url:http://127.0.0.1:8080}") String publicUrl) {
        this.questions = questions;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GetMapping("/track/{token}")
    ModelAndView track(@PathVariable String token) {
        return questions.findByTrackingToken(token)
                .map(q -> new ModelAndView("track")
                        .addObject("tracking", Tracking.of(q, questions.timeline(q.id())))
                        .addObject("trackingLink", publicUrl + "/track/" + token))
                .orElseGet(() -> new ModelAndView("error/404", HttpStatus.NOT_FOUND));
    }
}
