package io.freightgate.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exist only in the test classpath, to drive the edge into states real endpoints reach rarely. */
@RestController
@io.swagger.v3.oas.annotations.Hidden
@RequestMapping("/api/v1/test-support")
class TestSupportController {

    static final AtomicInteger slowExecutions = new AtomicInteger();
    static volatile CountDownLatch slowEntered = new CountDownLatch(1);
    static volatile CountDownLatch slowRelease = new CountDownLatch(0);
    static final AtomicInteger flakyCalls = new AtomicInteger();

    @PostMapping("/slow")
    Map<String, Object> slow(@RequestBody Map<String, Object> body) throws InterruptedException {
        int execution = slowExecutions.incrementAndGet();
        slowEntered.countDown();
        slowRelease.await(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        return Map.of("execution", execution, "echo", body);
    }

    @PostMapping("/flaky")
    ResponseEntity<Map<String, Object>> flaky(@RequestBody Map<String, Object> body) {
        int call = flakyCalls.incrementAndGet();
        if (call == 1) {
            return ResponseEntity.status(503).body(Map.of("call", call));
        }
        return ResponseEntity.ok(Map.of("call", call));
    }

    @GetMapping("/failure")
    void failure() {
        throw new UnsupportedOperationException("database password=hunter2 leaked into an exception");
    }
}
