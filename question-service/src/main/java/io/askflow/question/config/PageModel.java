package io.askflow.question.config;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every patient page shows: the emergency number, since this service is never for emergencies. */
@ControllerAdvice
class PageModel {

    private final PatientSiteProperties properties;

    PageModel(PatientSiteProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void site(Model model) {
        model.addAttribute("emergencyNumber", properties.emergencyNumber());
    }
}
