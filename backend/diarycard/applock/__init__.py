"""The patient's app lock: the server half of the key that opens the phone's diary."""
