package org.zhiyuan.story;

import java.util.UUID;

/**
 * An image of a story, in the order added; {@code path} is where the pages load it.
 */
public record StoryImage(UUID id, int position, String contentType, String path) {

}
