package io.switchboard.ingress.config;

import java.util.List;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * WebFlux prepares every form request's {@code getFormData()} when it creates the exchange, asking
 * the codec configurer for its readers, and the configurer builds that list anew on every call: ~4%
 * of the ingress's CPU per Twilio callback (docs/benchmarks.md), for form data the ingress reads
 * itself from the raw body. The exchange gets the same readers, built once: codecs are configured
 * at start-up and never change after.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeCodecsConfig {

    @Bean
    WebHttpHandlerBuilderCustomizer readersBuiltOnce(ServerCodecConfigurer serverCodecConfigurer) {
        return builder -> builder.codecConfigurer(new ReadersBuiltOnce(serverCodecConfigurer));
    }

    private static final class ReadersBuiltOnce implements ServerCodecConfigurer {

        private final ServerCodecConfigurer configurer;
        private volatile List<HttpMessageReader<?>> readers;

        ReadersBuiltOnce(ServerCodecConfigurer configurer) {
            this.configurer = configurer;
        }

        @Override
        public List<HttpMessageReader<?>> getReaders() {
            List<HttpMessageReader<?>> built = readers;
            if (built == null) {
                built = List.copyOf(configurer.getReaders());
                readers = built;
            }
            return built;
        }

        @Override
        public List<HttpMessageWriter<?>> getWriters() {
            return configurer.getWriters();
        }

        @Override
        public ServerDefaultCodecs defaultCodecs() {
            return configurer.defaultCodecs();
        }

        @Override
        public CustomCodecs customCodecs() {
            return configurer.customCodecs();
        }

        @Override
        public void registerDefaults(boolean registerDefaults) {
            configurer.registerDefaults(registerDefaults);
        }

        @Override
        public ServerCodecConfigurer clone() {
            return configurer.clone();
        }
    }
}
