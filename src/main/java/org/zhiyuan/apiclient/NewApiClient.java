package org.zhiyuan.apiclient;

import java.util.List;

/** What an operator gives to register a system. */
public record NewApiClient(String name, List<String> scopes, String regionCode) {

}
