package org.zhiyuan.certificate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Certificate settings ({@code zhiyuan.certificate.*}).
 *
 * @param platformName the name of the platform that issues self-printed certificates, in
 * Chinese; {@code platformNameEn} in English
 * @param platformNameEn the platform's name in English
 * @param publicUrl the older name of {@code zhiyuan.public-url}, still read when that is
 * not set (see {@link org.zhiyuan.shared.web.PublicUrl})
 * @param keystore a PKCS#12 file with the document-signing key and its certificate chain;
 * without one the platform generates a self-signed key once and keeps it in the database
 * @param keystorePassword the keystore's password
 * @param keyAlias the key's alias in the keystore; the first key when not given
 * @param renderers how many certificates render at the same time; further requests wait
 * @param renderWait how long a request waits for a free renderer before it is told to
 * retry
 */
@ConfigurationProperties("zhiyuan.certificate")
public record CertificateProperties(String platformName, String platformNameEn, String publicUrl, String keystore,
		String keystorePassword, String keyAlias, Integer renderers, Duration renderWait) {

	public CertificateProperties {
		platformName = (platformName != null && !platformName.isBlank()) ? platformName : "志愿服务信息系统";
		platformNameEn = (platformNameEn != null && !platformNameEn.isBlank()) ? platformNameEn
				: "Volunteer Service Information System";
		renderers = (renderers != null && renderers > 0) ? renderers
				: Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
		renderWait = (renderWait != null) ? renderWait : Duration.ofSeconds(10);
	}

}
