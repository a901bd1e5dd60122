package io.askflow.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one problem+json advice every service's JSON API shares, on a small web application of its own: APIs get
 * problems, pages keep their error pages, and requests refused before any controller is chosen are problems too.
 */
@SpringBootTest(classes = ApiProblemsTest.App.class,
        properties = {"spring.datasource.url=", "spring.autoconfigure.exclude="
                + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@AutoConfigureMockMvc
class ApiProblemsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void namesEveryInvalidFieldWithoutRepeatingWhatWasSent() throws Exception {
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"note\":\"" + "secret@example.org".repeat(10) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'note')]").exists())
                .andExpect(content().string(not(containsString("secret@example.org"))));
    }

    @Test
    void namesAFieldOfTheWrongType() throws Exception {
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":{\"a\":1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed request"));
    }

    @Test
    void aBodyThatGrewTooLargeWhileReadIs413() throws Exception {
        mvc.perform(get("/api/too-large"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The request body is larger than 64 KiB."));
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() throws Exception {
        mvc.perform(get("/api/outage"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(60));
    }

    @Test
    void anUnsupportedMediaTypeIs415AsAProblemOnApisAndPagesAlike() throws Exception {
        for (String path : new String[] {"/api/things", "/page"}) {
            mvc.perform(post(path).contentType(MediaType.TEXT_PLAIN).content("hello"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void pagesErrorsAreLeftToTheErrorPages() throws Exception {
        mvc.perform(get("/page/missing"))
                .andExpect(status().isNotFound())
                .andExpect(header().doesNotExist("Content-Type"))
                .andExpect(content().string(""));
    }

    @SpringBootApplication
    @Import({ThingApi.class, ThingPage.class})
    static class App {
    }

    record Thing(@NotBlank String name, @Size(max = 40) String note) {
    }

    @RestController
    static class ThingApi {

        @PostMapping(path = "/api/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/api/too-large")
        void tooLarge(HttpServletRequest request) {
            throw new HttpMessageNotReadableException("too large", new BodyTooLarge(64 * 1024),
                    new ServletServerHttpRequest(request));
        }

        @GetMapping("/api/outage")
        void outage() {
            throw new CannotCreateTransactionException("no connection", new UncheckedIOException(new IOException()));
        }
    }

    @Controller
    static class ThingPage {

        @PostMapping(path = "/page", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        String submit() {
            return "redirect:/page";
        }

        @GetMapping("/page/missing")
        String missing() {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND);
        }
    }
}
