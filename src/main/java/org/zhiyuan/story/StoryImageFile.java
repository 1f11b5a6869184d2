package org.zhiyuan.story;

/**
 * An image's bytes to serve; {@code published} when anyone may see it (and caches may
 * keep it).
 */
public record StoryImageFile(String contentType, byte[] bytes, boolean published) {

}
