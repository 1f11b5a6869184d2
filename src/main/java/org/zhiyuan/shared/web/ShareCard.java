package org.zhiyuan.shared.web;

/**
 * What a shared link shows (Open Graph, and what WeChat reads): the title, a plain
 * description, the page's absolute address and an absolute image of at least 300 px.
 * {@code url} and {@code image} are {@code null} when {@code zhiyuan.public-url} is not
 * set: a link is never built from the request's {@code Host} header.
 *
 * @param type {@code website} or {@code article}
 */
public record ShareCard(String title, String description, String url, String image, String type) {

}
