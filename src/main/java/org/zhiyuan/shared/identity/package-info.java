/**
 * Checks and masks the numbers that identify people and organizations: identity
 * documents, unified social credit codes and mobile phone numbers.
 */
package org.zhiyuan.shared.identity;
