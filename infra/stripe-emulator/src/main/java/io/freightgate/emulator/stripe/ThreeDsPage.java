package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The page behind {@code next_action.redirect_to_url.url}: the customer completes or fails the 3-D Secure challenge,
 * then is redirected to the PaymentIntent's {@code return_url} with {@code payment_intent},
 * {@code payment_intent_client_secret} and {@code redirect_status}, as Stripe does.
 */
final class ThreeDsPage {

    static final String PATH = "/_emulator/3ds/";

    private ThreeDsPage() {}

    static void handle(HttpExchange exchange, LocalControl control, String method, String token, byte[] body)
            throws IOException {
        if (!token.matches("[A-Za-z0-9]+")) {
            ControlApi.html(exchange, 404, page("Unknown authentication session."));
            return;
        }
        if (method.equals("GET")) {
            JsonObject session = control.threeDsSession(token);
            if (session == null) {
                ControlApi.html(exchange, 404, page("This authentication session is unknown or already completed."));
                return;
            }
            String amount = Json.num(session, "amount") + " " + Json.str(session, "currency");
            ControlApi.html(
                    exchange,
                    200,
                    page("<p>3D Secure 2 test payment of <b>" + amount + "</b> for " + Json.str(session, "id")
                            + ".</p>"
                            + "<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"complete\">"
                            + "<button id=\"complete\">Complete authentication</button></form>"
                            + "<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"fail\">"
                            + "<button id=\"fail\">Fail authentication</button></form>"));
            return;
        }
        if (!method.equals("POST")) {
            ControlApi.html(exchange, 405, page("Method not allowed."));
            return;
        }
        String form = new String(body, StandardCharsets.UTF_8);
        boolean succeed = !form.contains("action=fail");
        String redirect;
        try {
            redirect = control.authenticateByToken(token, succeed);
        } catch (ApiError e) {
            ControlApi.html(exchange, 404, page("This authentication session is unknown or already completed."));
            return;
        }
        if (redirect != null) {
            exchange.getResponseHeaders().set("Location", redirect);
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        ControlApi.html(exchange, 200, page(succeed ? "Authentication completed." : "Authentication failed."));
    }

    private static String page(String content) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>FreightGate Stripe emulator - 3D Secure"
                + "</title></head><body><h1>3D Secure test page</h1>" + content + "</body></html>";
    }
}
