package io.switchboard.bench.bare;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Every POST, whatever its path and body, is answered 200 with an empty body; the body is not read. */
@RestController
class OkController {

    @PostMapping("/**")
    Mono<ResponseEntity<Void>> ok() {
        return Mono.just(ResponseEntity.ok().build());
    }
}
