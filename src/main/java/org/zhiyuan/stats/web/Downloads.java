package org.zhiyuan.stats.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An Excel workbook of figures as a download, never cached, under its file name. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<byte[]> xlsx(String fileName, byte[] workbook) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(StatisticsController.XLSX))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(workbook);
	}

}
