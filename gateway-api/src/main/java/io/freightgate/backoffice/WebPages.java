package io.freightgate.backoffice;

import io.freightgate.security.WebUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.ModelAndView;

/** What every page does first: find the signed-in person, check the section, and give the page its menu. */
final class WebPages {

    private WebPages() {}

    /** An entry of the menu; {@code current} marks the page being shown. */
    record MenuItem(String label, String path, boolean current) {}

    /** The signed-in person, if the section is open to them; 403 otherwise. */
    static WebUser require(Section section, Authentication authentication) {
        WebUser user = person(authentication);
        if (!section.openTo(user)) {
            throw new AccessDeniedException("Section " + section + " is not open to these roles");
        }
        return user;
    }

    static WebUser person(Authentication authentication) {
        return WebUser.of(authentication).orElseThrow(() -> new AccessDeniedException("Not a signed-in person"));
    }

    /** The page's template with the person's menu; personal pages are never cached. */
    static ModelAndView page(String template, @Nullable Section section, WebUser user, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        return new ModelAndView(template).addObject("menu", menu(section, user));
    }

    static List<MenuItem> menu(@Nullable Section current, WebUser user) {
        return Section.menuOf(user).stream()
                .map(section -> new MenuItem(section.label(), section.pathFor(user), section == current))
                .toList();
    }
}
