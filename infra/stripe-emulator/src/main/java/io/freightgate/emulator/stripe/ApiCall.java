package io.freightgate.emulator.stripe;

import java.util.List;

/**
 * One API call as a handler sees it.
 *
 * @param scope the platform or connected-account state the call acts on
 * @param params the decoded parameters (query string or form body)
 * @param vars the path variables, in template order
 * @param call the request identity used for events
 * @param parts the multipart parts, empty for form requests
 */
record ApiCall(Scope scope, Params params, List<String> vars, Engine.Call call, List<Multipart.Part> parts) {

    String id() {
        return vars.getFirst();
    }

    List<String> expand() {
        return params.expand();
    }
}
