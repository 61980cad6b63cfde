print("hazmap")
