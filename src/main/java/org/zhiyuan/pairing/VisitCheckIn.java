package org.zhiyuan.pairing;

/**
 * A visit as the volunteer's phone reports it: its position and accuracy from the
 * browser's geolocation, an optional note (sealed), and a reason when the phone is
 * outside the radius around the address (e.g. the person was in hospital).
 */
public record VisitCheckIn(Double lat, Double lng, Double accuracyMeters, String note, String outsideReason) {

}
