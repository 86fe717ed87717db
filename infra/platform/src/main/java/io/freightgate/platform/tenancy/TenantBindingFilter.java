package io.freightgate.platform.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the authenticated caller's organization for the rest of the request, after Spring Security has authenticated
 * it. Requests without an authenticated caller run with no tenant and therefore see no tenant-owned row.
 */
public class TenantBindingFilter extends OncePerRequestFilter {

    private final TenantResolver resolver;

    public TenantBindingFilter(TenantResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<TenantResolver.Caller> caller =
                authentication == null ? Optional.empty() : resolver.resolve(authentication);
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            Tenancy.runAs(caller.get().tenant(), caller.get().actor(), () -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new WrappedServletException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (WrappedServletException e) {
            throw e.servletException();
        }
    }

    private static final class WrappedServletException extends RuntimeException {
        private final ServletException servletException;

        WrappedServletException(ServletException cause) {
            super(cause);
            this.servletException = cause;
        }

        ServletException servletException() {
            return servletException;
        }
    }
}
