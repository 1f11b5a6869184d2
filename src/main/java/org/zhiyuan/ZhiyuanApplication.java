package org.zhiyuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Zhiyuan (志愿), the volunteer service information system. Each direct sub-package is a
 * domain module; {@code shared} holds value types and {@code system} the wiring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhiyuanApplication {

	public static void main(String[] args) {
		SpringApplication.run(ZhiyuanApplication.class, args);
	}

}
