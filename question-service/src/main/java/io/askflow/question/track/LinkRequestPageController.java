package io.askflow.question.track;

import io.askflow.question.EmailAddress;
import io.askflow.question.ratelimit.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Send me my tracking link again": the answer never tells whether the address asked anything here, so the page
 * cannot be used to find out who asked a doctor.
 */
@Controller
class LinkRequestPageController {

    private static final String VIEW = "resend";

    private final PatientControl control;

    LinkRequestPageController(PatientControl control) {
        this.control = control;
    }

    @GetMapping("/track/resend")
    ModelAndView form(@RequestParam(required = false) String sent) {
        return new ModelAndView(VIEW).addObject("sent", sent != null).addObject("email", "");
    }

    @PostMapping("/track/resend")
    ModelAndView request(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
                         HttpServletResponse response) {
        String address = email.strip();
        if (!EmailAddress.isValid(address)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return new ModelAndView(VIEW).addObject("sent", false).addObject("email", address)
                    .addObject("error", address.isEmpty() ? "is required" : "is not a valid email address");
        }
        try {
            control.requestLinks(address, request.getRemoteAddr());
        } catch (RateLimited limited) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
            return new ModelAndView(VIEW).addObject("sent", false).addObject("email", address)
                    .addObject("problem", "Too many requests from your address. Please try again later.");
        }
        return new ModelAndView("redirect:/track/resend?sent");
    }
}
