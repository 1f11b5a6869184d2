package org.zhiyuan.certificate;

/**
 * The result of comparing an uploaded PDF with the registry.
 *
 * @param outcome what the comparison found
 * @param signatureValid whether the file carries the platform's signature over the whole
 * document, intact
 * @param certificate the registry's facts for the number the file names, or {@code null}
 */
public record UploadCheck(Outcome outcome, boolean signatureValid, CertificateVerification certificate) {

	/** What an upload turned out to be. */
	public enum Outcome {

		/** Byte for byte the file the registry issued. */
		MATCH,
		/**
		 * Names a certificate of the registry, but its content differs from the issued
		 * file.
		 */
		ALTERED,
		/** A PDF that names no certificate of this registry. */
		UNKNOWN,
		/** Not a readable PDF. */
		NOT_A_PDF

	}

}
