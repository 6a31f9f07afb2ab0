package cn.zhunong.bench.naive;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Adds the naive path to the benchmark's mall-api context (and nowhere else). */
@Configuration
@ComponentScan
public class NaiveOrderConfig {
}
