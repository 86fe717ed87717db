package io.freightgate.backoffice;

import io.freightgate.security.WebUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: platform staff go to the back office, carriers and shippers to a first page of their own. Anonymous
 * visitors never get here: the login sends them to the login page first and back here afterwards.
 */
@Controller
class FirstPages {

    @GetMapping("/")
    String firstPage(Authentication authentication) {
        WebUser user = WebPages.person(authentication);
        return "redirect:" + firstSection(user).pathFor(user);
    }

    /** The first section open to the person: the back office for staff, else their organization's first page. */
    static Section firstSection(WebUser user) {
        for (Section section : new Section[] {Section.BACK_OFFICE, Section.CARRIER_HOME, Section.SHIPPER_HOME}) {
            if (section.openTo(user)) {
                return section;
            }
        }
        throw new org.springframework.security.access.AccessDeniedException("No page is open to these roles");
    }
}
