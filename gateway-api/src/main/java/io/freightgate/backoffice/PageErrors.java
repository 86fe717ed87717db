package io.freightgate.backoffice;

import io.freightgate.security.WebUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages answer a browser with pages, not JSON problems: 403 for a section the person's roles do not open, 404 for
 * what is not theirs to see. Ahead of the API's problem advice, for this package's controllers only.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(HttpServletResponse response) {
        return error(
                HttpStatus.FORBIDDEN,
                "You cannot open this page",
                "Your roles do not give access to this page. If you need it, ask an administrator of your organization.",
                response);
    }

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound(HttpServletResponse response) {
        return error(
                HttpStatus.NOT_FOUND,
                "Page not found",
                "There is nothing here, or it belongs to another organization.",
                response);
    }

    private static ModelAndView error(HttpStatus status, String title, String message, HttpServletResponse response) {
        var user = WebUser.of(SecurityContextHolder.getContext().getAuthentication());
        var page = user.isPresent()
                ? WebPages.page("error/page", null, user.get(), response)
                : new ModelAndView("error/page").addObject("menu", List.of());
        page.setStatus(status);
        return page.addObject("heading", title).addObject("message", message);
    }
}
