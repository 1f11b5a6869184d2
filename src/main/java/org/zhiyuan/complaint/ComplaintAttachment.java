package org.zhiyuan.complaint;

/**
 * Evidence attached to a complaint: a photo or a PDF, numbered from 1.
 *
 * @param position its number within the complaint
 * @param fileName the name it was uploaded with
 * @param contentType {@code image/jpeg}, {@code image/png}, {@code image/webp} or
 * {@code application/pdf}, from its content
 * @param sizeBytes its size
 */
public record ComplaintAttachment(int position, String fileName, String contentType, int sizeBytes) {

	/** Whether it is a picture that pages may show inline. */
	public boolean image() {
		return this.contentType.startsWith("image/");
	}

}
