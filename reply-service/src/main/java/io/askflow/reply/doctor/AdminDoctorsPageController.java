package io.askflow.reply.doctor;

import io.askflow.events.Specialty;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins add, edit and deactivate doctors (deactivating keeps the doctor's name on their past replies). */
@Controller
class AdminDoctorsPageController {

    private static final String LIST = "admin/doctors";
    private static final String FORM = "admin/doctor-form";

    private final Doctors doctors;
    private final ManageDoctors manage;

    AdminDoctorsPageController(Doctors doctors, ManageDoctors manage) {
        this.doctors = doctors;
        this.manage = manage;
    }

    @ModelAttribute("specialties")
    Specialty[] specialties() {
        return Specialty.values();
    }

    @ModelAttribute("me")
    Doctor me(@AuthenticationPrincipal DoctorAccount account) {
        return doctors.current(account);
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/admin/doctors")
    String list(Model model) {
        model.addAttribute("doctors", doctors.findAll());
        return LIST;
    }

    @GetMapping("/admin/doctors/new")
    String newDoctor(Model model) {
        model.addAttribute("doctor", new DoctorForm("", "", "", "", null, Role.DOCTOR, true));
        model.addAttribute("doctorId", null);
        return FORM;
    }

    @PostMapping("/admin/doctors")
    String create(@Valid @ModelAttribute("doctor") DoctorForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (form.password() == null || form.password().length() < 8) {
            result.rejectValue("password", "size", "at least 8 characters");
        }
        if (result.hasErrors()) {
            model.addAttribute("doctorId", null);
            return FORM;
        }
        if (manage.createIfAbsent(form).isEmpty()) {
            result.rejectValue("username", "taken", "this username is taken");
            model.addAttribute("doctorId", null);
            return FORM;
        }
        redirect.addFlashAttribute("message", form.displayName() + " added.");
        return "redirect:/admin/doctors";
    }

    @GetMapping("/admin/doctors/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Doctor doctor = doctors.findById(id).orElseThrow(() -> new IllegalArgumentException("No doctor " + id));
        model.addAttribute("doctor", DoctorForm.of(doctor));
        model.addAttribute("doctorId", id);
        return FORM;
    }

    @PostMapping("/admin/doctors/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("doctor") DoctorForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        if (form.password() != null && !form.password().isBlank() && form.password().length() < 8) {
            result.rejectValue("password", "size", "at least 8 characters");
        }
        if (result.hasErrors()) {
            model.addAttribute("doctorId", id);
            return FORM;
        }
        Doctor changed = manage.update(id, form);
        redirect.addFlashAttribute("message", changed.displayName() + " saved.");
        return "redirect:/admin/doctors";
    }
}
