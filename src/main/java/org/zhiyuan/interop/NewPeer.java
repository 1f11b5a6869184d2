package org.zhiyuan.interop;

/**
 * A peer as registered: its name, its base address, and its JSON Web Key Set, as a JSON
 * object ({@code {"keys": [...]}}) or as the text of one (pasted on the page).
 */
public record NewPeer(String name, String baseUrl, Object jwks) {

}
