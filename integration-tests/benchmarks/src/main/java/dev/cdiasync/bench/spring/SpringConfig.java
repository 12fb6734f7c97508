package dev.cdiasync.bench.spring;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

import dev.cdiasync.bench.Pools;

/** The Spring application context of the Spring case: {@code @EnableAsync}, the worker and the 2-thread pool. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
public class SpringConfig {

    @Bean(destroyMethod = "")
    public ThreadPoolExecutor benchPool() {
        return Pools.bench("spring-");
    }

    @Bean
    public SpringWorker springWorker() {
        return new SpringWorker();
    }
}
