package io.askflow.question.ask;

import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.Specialty;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ask form: the same limits as the API, errors beside their fields, the patient's input kept. */
@Controller
class AskPageController {

    private static final String VIEW = "ask";

    private final AskQuestion askQuestion;
    private final AskFormValidator validator;

    AskPageController(AskQuestion askQuestion, AskFormValidator validator) {
        this.askQuestion = askQuestion;
        this.validator = validator;
    }

    @InitBinder("askForm")
    void checkLimits(WebDataBinder binder) {
        binder.addValidators(validator);
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("ageRanges", List.of(AgeRange.values()));
        model.addAttribute("genders", List.of(Gender.values()));
        model.addAttribute("specialties", List.of(Specialty.values()));
    }

    @GetMapping("/ask")
    String form(Model model) {
        model.addAttribute("askForm", new AskForm());
        return VIEW;
    }

    @PostMapping(path = "/ask", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String ask(@Valid @ModelAttribute AskForm askForm, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return VIEW;
        }
        Asked asked = askQuestion.ask(askForm);
        // The greeting travels in the session's flash map; the tracking page reads fine without it.
        redirect.addFlashAttribute("justAsked", true);
        return "redirect:/track/" + asked.trackingToken();
    }
}
